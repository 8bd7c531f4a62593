using System.Globalization;
using System.Runtime.InteropServices;

namespace Monotone.Engine.Torch;

/// <summary>
/// Free memory on the engine's device, which sizes its chunks when no size is set.
/// TorchSharp 0.107 has no torch.cuda.mem_get_info, so for a GPU this asks the CUDA driver
/// directly, in the device's primary context (the one libtorch uses).
/// </summary>
internal static partial class DeviceMemory
{
    /// <summary>What a GPU is assumed to have free when the driver cannot be asked.</summary>
    public const long CudaFallbackBytes = 8L << 30;

    public static long FreeBytes(TorchDevice device) => device.IsCuda ? CudaFree(device.Index) : HostAvailable();

    /// <summary>MemAvailable from /proc/meminfo: free memory plus what the kernel can reclaim.</summary>
    private static long HostAvailable()
    {
        const string key = "MemAvailable:";
        try
        {
            string? line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            string[] parts = line?[key.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
            {
                return kib * 1024;
            }
        }
        catch (IOException)
        {
        }

        var gc = GC.GetGCMemoryInfo();
        return Math.Max(gc.TotalAvailableMemoryBytes - gc.MemoryLoadBytes, 1L << 30);
    }

    private static long CudaFree(int ordinal)
    {
        try
        {
            if (Driver.cuInit(0) != 0 || Driver.cuDeviceGet(out int device, ordinal) != 0
                || Driver.cuDevicePrimaryCtxRetain(out IntPtr context, device) != 0)
            {
                return CudaFallbackBytes;
            }

            try
            {
                if (Driver.cuCtxPushCurrent_v2(context) != 0)
                {
                    return CudaFallbackBytes;
                }

                int status = Driver.cuMemGetInfo_v2(out nuint free, out _);
                Driver.cuCtxPopCurrent_v2(out _);
                return status == 0 ? (long)free : CudaFallbackBytes;
            }
            finally
            {
                // A failed release leaves nothing to undo: the free-memory figure stands either way.
                _ = Driver.cuDevicePrimaryCtxRelease_v2(device);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return CudaFallbackBytes;
        }
    }

    // The CUDA driver API (libcuda.so.1, installed with the NVIDIA driver); every call returns a CUresult, 0 for success.
    private static partial class Driver
    {
        private const string Library = "libcuda.so.1";

        [LibraryImport(Library)]
        internal static partial int cuInit(uint flags);

        [LibraryImport(Library)]
        internal static partial int cuDeviceGet(out int device, int ordinal);

        [LibraryImport(Library)]
        internal static partial int cuDevicePrimaryCtxRetain(out IntPtr context, int device);

        [LibraryImport(Library)]
        internal static partial int cuDevicePrimaryCtxRelease_v2(int device);

        [LibraryImport(Library)]
        internal static partial int cuCtxPushCurrent_v2(IntPtr context);

        [LibraryImport(Library)]
        internal static partial int cuCtxPopCurrent_v2(out IntPtr context);

        [LibraryImport(Library)]
        internal static partial int cuMemGetInfo_v2(out nuint free, out nuint total);
    }
}
