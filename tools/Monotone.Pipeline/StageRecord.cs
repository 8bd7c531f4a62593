using System.Text.Json;
using Monotone.Results;
using Monotone.Core;

namespace Monotone.Pipeline;

/// <summary>
/// What each paper stage of one study was last made from, and the files it made with the
/// SHA-256 of their bytes: the stage record, DVC's dvc.lock for this pipeline. It lives in the
/// study's machine-local state folder (<c>.monotone/stages/&lt;manifest file name&gt;.json</c>, beside
/// the manifest), because the paper's outputs are not committed either: a fresh clone has neither,
/// and the first build makes both. Keyed by the manifest, so two studies never share one (two
/// manifests on one paper project used to share paper/obj/monotone's stamps and delete each
/// other's files).
/// </summary>
/// <remarks>
/// The file is small, sorted and written atomically only when it changes; nothing in it depends
/// on the clock. Format <c>monotone-stages/1</c>: <c>{"format", "stages": {name: {"inputs":
/// {name: value}, "outputs": {path relative to the manifest's folder: sha256}}}}</c>.
/// </remarks>
public sealed class StageRecord
{
    public const string Format = "monotone-stages/1";

    private readonly SortedDictionary<string, Entry> stages = new(StringComparer.Ordinal);

    private StageRecord(string path, string folder)
    {
        Path = path;
        Folder = folder;
    }

    /// <summary>The record's file.</summary>
    public string Path { get; }

    /// <summary>The study's folder (the manifest's), against which output paths are recorded.</summary>
    public string Folder { get; }

    /// <summary>The record of <paramref name="manifest"/>'s study; empty when none was written.</summary>
    /// <exception cref="BadInputException">The record exists but is not one (MONO062).</exception>
    public static StageRecord Open(Manifest.Manifest manifest) =>
        Read(PathOf(manifest.Path), manifest.Folder);

    /// <summary>.monotone/stages/&lt;manifest file name&gt;.json beside the manifest.</summary>
    public static string PathOf(string manifestPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath))!, ".monotone", "stages", System.IO.Path.GetFileName(manifestPath) + ".json");

    /// <summary>The recorded inputs and outputs of <paramref name="stage"/>; null when it was never made.</summary>
    public Entry? this[StageKind stage] => stages.GetValueOrDefault(stage.Name());

    /// <summary>Every output path (full) that any stage of this record lists.</summary>
    public IEnumerable<string> AllOutputs => stages.Values.SelectMany(e => e.Outputs.Keys).Select(FullPath);

    public string FullPath(string relative) => System.IO.Path.GetFullPath(relative, Folder);

    public string Relative(string path) => System.IO.Path.GetRelativePath(Folder, path).Replace(System.IO.Path.DirectorySeparatorChar, '/');

    /// <summary>Records what <paramref name="stage"/> was just made from and what it wrote, and saves the record.</summary>
    public void Set(StageKind stage, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> outputs)
    {
        stages[stage.Name()] = new Entry(new SortedDictionary<string, string>(inputs.ToDictionary(), StringComparer.Ordinal), new SortedDictionary<string, string>(outputs.ToDictionary(), StringComparer.Ordinal));
        Save();
    }

    /// <summary>Forgets every stage and deletes the record's file (after a clean).</summary>
    public void Delete()
    {
        stages.Clear();
        File.Delete(Path);
    }

    /// <summary>The other studies' records in the same state folder: their files are never this study's to delete.</summary>
    public IEnumerable<StageRecord> Siblings()
    {
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Where(p => p != Path).Order(StringComparer.Ordinal).Select(p => Read(p, Folder))
            : [];
    }

    private static StageRecord Read(string path, string folder)
    {
        var record = new StageRecord(path, folder);
        if (!File.Exists(path))
        {
            return record;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                throw new BadInputException(DiagnosticCodes.Record.BadStageRecord, path, $"not a stage record of format {Format}; delete it and build again");
            }

            foreach (var stage in root.GetProperty("stages").EnumerateObject())
            {
                record.stages[stage.Name] = new Entry(Map(stage.Value.GetProperty("inputs")), Map(stage.Value.GetProperty("outputs")));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new BadInputException(DiagnosticCodes.Record.BadStageRecord, path, $"the stage record cannot be read ({e.Message}); delete it and build again");
        }

        return record;
    }

    private static SortedDictionary<string, string> Map(JsonElement element) =>
        new(element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? throw new InvalidOperationException($"'{p.Name}' is not a string")), StringComparer.Ordinal);

    private void Save()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteStartObject("stages");
            foreach (var (name, entry) in stages)
            {
                writer.WriteStartObject(name);
                Write(writer, "inputs", entry.Inputs);
                Write(writer, "outputs", entry.Outputs);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteIfChanged(Path, buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, string name, SortedDictionary<string, string> values)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    /// <param name="Inputs">What the stage was made from (<see cref="StageInputs"/>).</param>
    /// <param name="Outputs">The files it made, relative to the study's folder, with the SHA-256 of their bytes.</param>
    public sealed record Entry(SortedDictionary<string, string> Inputs, SortedDictionary<string, string> Outputs);
}
