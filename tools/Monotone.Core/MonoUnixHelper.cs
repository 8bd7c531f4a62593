using System.Runtime.InteropServices;
using Mono.Unix.Native;

namespace Monotone.Core;

/// <summary>
/// The three entry points of Mono.Unix's native helper (libMono.Unix) that <see cref="FileStatus"/>
/// uses, bound with source-generated P/Invokes: <c>Mono_Posix_Syscall_stat</c>/<c>_lstat</c>, which
/// fill Mono.Unix's own platform-independent <see cref="Stat"/> from the platform's
/// <c>struct stat</c>, and <c>Mono_Posix_ToErrno</c>, which maps the platform's errno to
/// <see cref="Errno"/>. These are the functions Mono.Unix's <see cref="Syscall.stat"/>,
/// <see cref="Syscall.lstat"/> and <see cref="Stdlib.GetLastError"/> call.
/// </summary>
/// <remarks>
/// Why not those managed methods: their first call cost 10-30 ms of a sub-second <c>analyze</c>
/// (docs/building.md, "Start-up"): the runtime builds and JIT-compiles a marshalling stub for the
/// file name's custom marshaler at run time, and <see cref="Stdlib"/>'s static constructor makes a
/// dozen native calls. These stubs are generated at compile time (and precompiled with the rest of
/// the assembly); the path is passed as UTF-8, as .NET's own file APIs pass it.
/// </remarks>
internal static unsafe partial class MonoUnixHelper
{
    // The name Mono.Unix's own imports use; the runtime finds the package's native asset from it.
    private const string Library = "Mono.Unix";

    /// <returns>0, or -1 with the platform's errno in <see cref="Marshal.GetLastPInvokeError"/>.</returns>
    [LibraryImport(Library, EntryPoint = "Mono_Posix_Syscall_stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Stat(string path, Stat* status);

    /// <inheritdoc cref="Stat(string, Stat*)"/>
    [LibraryImport(Library, EntryPoint = "Mono_Posix_Syscall_lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int LinkStat(string path, Stat* status);

    /// <returns>0, or -1 when <paramref name="value"/> is no errno Mono.Unix knows.</returns>
    [LibraryImport(Library, EntryPoint = "Mono_Posix_ToErrno")]
    internal static partial int ToErrno(int value, Errno* errno);
}
