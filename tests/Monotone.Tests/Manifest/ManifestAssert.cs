using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.Manifest;

/// <summary>
/// Reading a manifest from its text, and what every refused manifest must carry (docs/errors.md): its diagnostic
/// code and the line and column it points at.
/// </summary>
internal static class ManifestAssert
{
    /// <summary>Writes <paramref name="yaml"/> as a study's experiments.yaml and reads it.</summary>
    /// <param name="engines">The engine names the reader accepts; none given: any name.</param>
    /// <param name="environment">Looks up environment variables; none given: no variable is set (not the process's).</param>
    public static Monotone.Manifest.Manifest Read(string yaml, IReadOnlyCollection<string>? engines = null, Func<string, string?>? environment = null)
    {
        using var study = new SampleStudy(yaml);
        return ManifestReader.Read(study.ManifestPath, engines ?? [], environment ?? (_ => null));
    }

    /// <summary>Reads <paramref name="yaml"/> as <see cref="Read"/> does and returns the refusal; fails the test if it is read.</summary>
    public static ManifestException Fails(string yaml, IReadOnlyCollection<string>? engines = null, Func<string, string?>? environment = null) =>
        Assert.Throws<ManifestException>(() => Read(yaml, engines, environment));

    /// <summary>
    /// <paramref name="error"/> has <paramref name="code"/> (MONOnnn) at <paramref name="location"/> (1-based line and
    /// column), and its problem contains <paramref name="problem"/> (ordinal) where one is given; returns it for more checks.
    /// </summary>
    public static ManifestException Refused(ManifestException error, string code, SourceLocation location, string? problem = null)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(location, error.Location);
        if (problem is not null)
        {
            Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        }

        return error;
    }
}
