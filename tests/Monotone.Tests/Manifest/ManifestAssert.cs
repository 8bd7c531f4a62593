using Monotone.Manifest;

namespace Monotone.Tests.Manifest;

/// <summary>What every refused manifest must carry (docs/errors.md): its diagnostic code and the line and column it points at.</summary>
internal static class ManifestAssert
{
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
