namespace Monotone.Pipeline;

/// <summary>
/// One file a paper stage makes, and how to make its bytes. The drawing libraries plan them
/// (<see cref="IPaperDrawing"/>); the pipeline decides when to write them and records what it wrote.
/// </summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Content">Makes the file's bytes; called at most once per write or comparison.</param>
public sealed record StageOutput(string Path, Func<byte[]> Content);
