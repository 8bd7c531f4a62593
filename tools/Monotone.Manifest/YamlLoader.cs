using Monotone.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Monotone.Manifest;

/// <summary>
/// Reads the manifest's one YAML document within <see cref="ManifestLimits"/>. The size and
/// nesting depth are checked on the parser's event stream, which does not recurse, before
/// YamlDotNet builds its node tree, which does: a deeply nested file is one error line,
/// never a stack overflow.
/// </summary>
internal static class YamlLoader
{
    /// <param name="path">The manifest as messages name it.</param>
    /// <param name="fullPath">Where to read it.</param>
    /// <exception cref="ManifestException">The file cannot be read, is not YAML, or exceeds a limit.</exception>
    public static YamlStream Load(string path, string fullPath)
    {
        string text = ReadText(path, fullPath);
        try
        {
            CheckShape(path, text);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            string problem = e.InnerException?.Message ?? e.Message;
            string code = problem.StartsWith("Duplicate key", StringComparison.Ordinal) ? DiagnosticCodes.Manifest.Duplicate : DiagnosticCodes.Manifest.Syntax;
            var at = new SourceLocation((int)e.Start.Line, (int)e.Start.Column);
            if (problem.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabInIndentation(text, at.Line) is { } tab)
            {
                at = tab;
            }

            throw new ManifestException(path, at, code, problem);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some malformed input.
            throw new ManifestException(path, SourceLocation.Start, DiagnosticCodes.Manifest.Syntax, $"not valid YAML ({e.Message})");
        }
    }

    private static string ReadText(string path, string fullPath)
    {
        try
        {
            // Checked before opening: opening a FIFO for reading blocks until a writer comes (forever,
            // in a build), and a device or socket is no manifest.
            var kind = FileStatus.Of(fullPath, followLinks: true).Kind;
            if (kind is not (FileKind.RegularFile or FileKind.Missing or FileKind.Unknown))
            {
                string what = kind switch
                {
                    FileKind.Directory => "it is a directory",
                    FileKind.Fifo => "it is a pipe or FIFO, which would block the read until something writes to it; save it to a file first",
                    _ => $"it is not a regular file ({kind})",
                };
                throw new ManifestException(path, SourceLocation.Start, DiagnosticCodes.Manifest.Syntax, $"cannot read the manifest: {what}");
            }

            using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var bytes = new byte[ManifestLimits.MaxBytes + 1];
            int read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read > ManifestLimits.MaxBytes)
            {
                throw new ManifestException(path, SourceLocation.Start, DiagnosticCodes.Manifest.Limit, $"the manifest is larger than {ManifestLimits.MaxBytes} bytes");
            }

            using var reader = new StreamReader(new MemoryStream(bytes, 0, read), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ManifestException(path, SourceLocation.Start, DiagnosticCodes.Manifest.Syntax, "manifest not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ManifestException(path, SourceLocation.Start, DiagnosticCodes.Manifest.Syntax, $"cannot read the manifest ({e.Message})");
        }
    }

    // One document, nested at most MaxDepth levels: checked event by event, without recursion.
    private static void CheckShape(string path, string text)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        int documents = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart start when ++documents > 1:
                    throw new ManifestException(path, At(start), DiagnosticCodes.Manifest.SecondDocument, "a second YAML document ('---'): the manifest is one document");
                case MappingStart or SequenceStart when ++depth > ManifestLimits.MaxDepth:
                    throw new ManifestException(path, At(parser.Current), DiagnosticCodes.Manifest.Limit, $"mappings and lists nest more than {ManifestLimits.MaxDepth} levels deep");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static SourceLocation At(ParsingEvent e) => new((int)e.Start.Line, (int)e.Start.Column);

    // YamlDotNet reports a tab used for indentation at the mapping it breaks; the tab itself is what to fix.
    private static SourceLocation? TabInIndentation(string text, int fromLine)
    {
        string[] lines = text.Split('\n');
        for (int line = Math.Max(1, fromLine); line <= lines.Length; line++)
        {
            string content = lines[line - 1];
            int indent = 0;
            while (indent < content.Length && content[indent] is ' ' or '\t')
            {
                if (content[indent] == '\t')
                {
                    return new SourceLocation(line, indent + 1);
                }

                indent++;
            }
        }

        return null;
    }
}
