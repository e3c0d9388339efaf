using System.Diagnostics;
using System.Globalization;

namespace Rasan.Testing.Providers;

/// <summary>One stopped activity, flattened to text.</summary>
/// <param name="Source">The source name.</param>
/// <param name="OperationName">The operation name.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Tags">Every tag, values as text.</param>
/// <param name="Texts">Status description, event names and event tags.</param>
public sealed record RecordedActivity(
    string Source, string OperationName, string DisplayName, IReadOnlyList<KeyValuePair<string, string?>> Tags, IReadOnlyList<string> Texts)
{
    /// <summary>Everything the activity carries, as one string to search.</summary>
    public string AllText
        => string.Join('\n', [Source, OperationName, DisplayName, .. Tags.Select(t => $"{t.Key}={t.Value}"), .. Texts]);

    internal static RecordedActivity From(Activity activity)
    {
        var texts = new List<string>();
        if (activity.StatusDescription is { } status)
        {
            texts.Add(status);
        }

        foreach (var e in activity.Events)
        {
            texts.Add(e.Name);
            texts.AddRange(e.Tags.Select(t => $"{t.Key}={Convert.ToString(t.Value, CultureInfo.InvariantCulture)}"));
        }

        texts.AddRange(activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
        return new RecordedActivity(
            activity.Source.Name,
            activity.OperationName,
            activity.DisplayName,
            [.. activity.TagObjects.Select(t => new KeyValuePair<string, string?>(t.Key, Convert.ToString(t.Value, CultureInfo.InvariantCulture)))],
            texts);
    }
}
