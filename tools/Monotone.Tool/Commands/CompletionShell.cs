namespace Monotone.Tool.Commands;

/// <summary>The shells <c>dotnet monotone completion</c> writes a script for.</summary>
internal enum CompletionShell
{
    Bash,
    Zsh,
    Pwsh,
}
