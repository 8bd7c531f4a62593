namespace Monotone.Core;

/// <summary>
/// Every diagnostic code the tool and the build's pipeline report, grouped by range as the table
/// in docs/errors.md is, each with its one-line meaning; DiagnosticCodeTableTests holds this class
/// and that table to each other. A code is fixed: never renumber or reuse one.
/// </summary>
/// <remarks>
/// Codes of the build that this project cannot serve stay where they are reported, also listed in
/// docs/errors.md: MONO1001 and MONO1003 in the PatchLibTorchSharp task (its assembly references
/// no project of the tool, see the task), MONO1012 and MONO1013 in build/Monotone.targets.
/// </remarks>
public static class DiagnosticCodes
{
    /// <summary>The manifest (MONO001-MONO019).</summary>
    public static class Manifest
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

        /// <summary>The manifest, or a value in it, exceeds one of its limits (size, nesting, layers, heads, sequence length).</summary>
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

    /// <summary>Tensor input (MONO020-MONO039), one code per kind of problem (docs/errors-input.md).</summary>
    public static class Input
    {
        /// <summary>A damaged file with no more specific code: what <see cref="BadInputException"/> reports unless told otherwise.</summary>
        public const string Damaged = "MONO020";

        /// <summary>The input does not exist.</summary>
        public const string NotFound = "MONO021";

        /// <summary>The input is not a regular file: a directory, a pipe or FIFO, a device, a socket, a procfs file.</summary>
        public const string NotRegularFile = "MONO022";

        /// <summary>The input exists but cannot be opened (permissions).</summary>
        public const string CannotOpen = "MONO023";

        /// <summary>Not a torch.save zip, .safetensors or .npy file (empty, text, legacy torch format).</summary>
        public const string UnknownFormat = "MONO024";

        /// <summary>The file ends before the data its header or directory describes.</summary>
        public const string Truncated = "MONO025";

        /// <summary>data.pkl exceeds a resource limit (opcodes, stack, nesting, integer or string size).</summary>
        public const string PickleLimit = "MONO026";

        /// <summary>data.pkl is not a pickle torch.save writes (bad opcodes, unknown persistent ids, bad tensor arguments).</summary>
        public const string PickleContent = "MONO027";

        /// <summary>Which tensor to analyse is unclear: several, none, or no tensor of the name given with --tensor.</summary>
        public const string TensorChoice = "MONO028";

        /// <summary>An element type other than float16, bfloat16, float32 or float64.</summary>
        public const string Dtype = "MONO029";

        /// <summary>A shape that is not [layers, heads, n, n] with every size at least 1.</summary>
        public const string Shape = "MONO030";

        /// <summary>A view (strides, storage offset, byte range) that leaves its storage or the file.</summary>
        public const string Layout = "MONO031";

        /// <summary>An .npy header that is not the Python literal NumPy writes.</summary>
        public const string NpyHeader = "MONO032";

        /// <summary>A safetensors header the safetensors library refuses (bad JSON, duplicated names, overlapping or gapped byte ranges).</summary>
        public const string SafetensorsHeader = "MONO033";

        /// <summary>The analysis needs more memory than the machine has available.</summary>
        public const string Memory = "MONO034";

        /// <summary>NaN or an infinity at a position the analysis uses.</summary>
        public const string NotFinite = "MONO035";

        /// <summary>A warning, not an error: negative values where probabilities are expected (treated as logits, as the notebook does).</summary>
        public const string NegativeValues = "MONO036";

        /// <summary>A torch.save file written on a big-endian machine.</summary>
        public const string BigEndianTorch = "MONO037";
    }

    /// <summary>The command line, output paths and the file system (MONO040-MONO059).</summary>
    public static class CommandLineAndFiles
    {
        /// <summary>The command line cannot be parsed, or an option's value is out of range.</summary>
        public const string Usage = "MONO040";

        /// <summary>An output path that cannot hold a result: empty, a directory, a pipe, socket or block device, or under a file.</summary>
        public const string OutputPath = "MONO041";

        /// <summary>The output is the input itself (the same device and inode, whatever the spelling).</summary>
        public const string OutputIsInput = "MONO042";

        /// <summary>Permission denied, or an immutable file or folder (UnauthorizedAccessException).</summary>
        public const string AccessDenied = "MONO043";

        /// <summary>The disk or the user's quota is full.</summary>
        public const string DiskFull = "MONO044";

        /// <summary>Any other failure of the file system while reading or writing a named file.</summary>
        public const string FileSystem = "MONO045";

        /// <summary>A file cannot be read as the command needs (a pipe where seeking is needed: NotSupportedException).</summary>
        public const string NotSupported = "MONO046";

        /// <summary>The request needs more memory than the process can get (OutOfMemoryException).</summary>
        public const string OutOfMemory = "MONO047";

        /// <summary>An engine cannot run on this machine (no libtorch, no GPU); exit code 3.</summary>
        public const string EngineUnavailable = "MONO050";
    }

    /// <summary>The scientific record: results and the stage record (MONO060-MONO074).</summary>
    public static class Record
    {
        /// <summary>A result file that cannot be read or breaks an invariant (ResultValidation).</summary>
        public const string InvalidResult = "MONO060";

        /// <summary>A committed result kept although its input is not on this machine: a warning, every time.</summary>
        public const string KeptResult = "MONO061";

        /// <summary>The stage record (.monotone/stages/*.json) exists but cannot be read.</summary>
        public const string BadStageRecord = "MONO062";

        /// <summary><c>--keep-going</c>: experiments failed and the others were analysed; the summary line.</summary>
        public const string ExperimentsFailed = "MONO063";
    }

    /// <summary><c>dotnet monotone diff</c> (MONO075-MONO079, the part of the record's range set aside for it).</summary>
    public static class Diff
    {
        /// <summary>The git command is not on PATH, or cannot be started.</summary>
        public const string GitUnavailable = "MONO075";

        /// <summary>The manifest's folder is not inside a git repository, or git refuses it (safe.directory).</summary>
        public const string NotARepository = "MONO076";

        /// <summary>A revision git cannot resolve to a commit.</summary>
        public const string UnknownRevision = "MONO077";

        /// <summary>A result file, at a revision or in the working tree, is not a readable Monotone result.</summary>
        public const string UnreadableResult = "MONO078";

        /// <summary>git failed in a way none of the other codes names (a corrupt object, a broken repository).</summary>
        public const string GitFailed = "MONO079";
    }

    /// <summary>The build's MSBuild tasks (MONO1001 and up) that reach this project.</summary>
    public static class Build
    {
        /// <summary>The build's plan could not be made for a reason outside the manifest (the file system, memory).</summary>
        public const string PlanFailed = "MONO1010";

        /// <summary>The dotnet-monotone local tool could not start: no tool manifest, none naming Monotone.Tool, or its version not restored.</summary>
        public const string ToolNotInstalled = "MONO1014";
    }
}
