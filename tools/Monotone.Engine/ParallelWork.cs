using System.Runtime.ExceptionServices;

namespace Monotone.Engine;

/// <summary>
/// Runs independent pieces of work in parallel; the first failure cancels the rest
/// and is rethrown as itself, not wrapped in an AggregateException, so callers can
/// turn it into the one-line error the command line promises.
/// </summary>
public static class ParallelWork
{
    public static void ForEach<T>(IReadOnlyList<T> items, int degree, CancellationToken cancellation, Action<T, CancellationToken> body)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            Parallel.ForEach(
                items,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degree), CancellationToken = failed.Token },
                item =>
                {
                    try
                    {
                        body(item, failed.Token);
                    }
                    catch when (!failed.IsCancellationRequested)
                    {
                        failed.Cancel();
                        throw;
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
