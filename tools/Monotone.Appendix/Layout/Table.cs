namespace Monotone.Appendix.Layout;

/// <summary>A booktabs-style table: rules above and below, one under the header, no vertical lines.</summary>
internal sealed record Table(IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <param name="Numeric">Right-aligned, as numbers are in a paper's tables.</param>
internal sealed record Column(string Header, bool Numeric, bool Mono = false);
