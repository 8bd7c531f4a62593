namespace Monotone.Manifest;

/// <summary>Fixed diagnostic codes of the manifest (MONO001-MONO019; docs/errors.md lists every code). Never renumber one.</summary>
public static class ManifestErrorCodes
{
    /// <summary>The file is not valid YAML, or cannot be read.</summary>
    public const string Syntax = "MONO001";

    /// <summary>A key the manifest does not define (with a suggestion when one is close).</summary>
    public const string UnknownKey = "MONO002";

    /// <summary>A value of the wrong type or out of range.</summary>
    public const string InvalidValue = "MONO003";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "MONO004";

    /// <summary>Two models share a label, or a key appears twice.</summary>
    public const string Duplicate = "MONO005";

    /// <summary>An environment variable without a default is not set.</summary>
    public const string UnsetVariable = "MONO006";

    /// <summary>An experiment's input file does not exist.</summary>
    public const string MissingInput = "MONO007";

    /// <summary>An input tensor cannot be analysed (bad file, wrong shape).</summary>
    public const string BadInput = "MONO008";

    /// <summary>The manifest, or a value in it, exceeds a limit of <see cref="ManifestLimits"/> (size, nesting, layers, heads, sequence length).</summary>
    public const string Limit = "MONO009";

    /// <summary>The file holds a second YAML document after '---'.</summary>
    public const string SecondDocument = "MONO010";

    /// <summary>A label (given, or taken from the id) cannot name a folder: null, '.', '..', too long, control characters.</summary>
    public const string InvalidLabel = "MONO011";

    /// <summary>An explicit slope list whose length differs from the model's heads.</summary>
    public const string SlopeCount = "MONO012";

    /// <summary>A <c>${...}</c> expansion or a <c>{placeholder}</c> that is not closed or not well formed.</summary>
    public const string Template = "MONO013";
}
