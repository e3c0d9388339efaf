using System.Text;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Builds the string a message's signature covers (providers/fanapplus.md §4): the values of Date, Uid, Sid,
/// ChannelType, MessageType, AccountId and Content joined by commas without spaces, Uid and Sid in the account's order;
/// an empty value is left out together with its comma (the guide's example for an empty Content), so there is never
/// an empty field or a trailing comma.
/// </summary>
internal sealed class FanapPlusSignatureText
{
    private readonly StringBuilder _text = new(256);

    /// <summary>Builds one message's string.</summary>
    /// <param name="order">The order of Uid and Sid.</param>
    /// <param name="values">The message's effective values.</param>
    /// <returns>The string.</returns>
    public string Build(FanapPlusSignatureFieldOrder order, in FanapPlusSignedValues values)
    {
        _text.Clear();
        Append(values.Date);
        Append(order == FanapPlusSignatureFieldOrder.SidThenUid ? values.Sid : values.Uid);
        Append(order == FanapPlusSignatureFieldOrder.SidThenUid ? values.Uid : values.Sid);
        Append(values.ChannelType);
        Append(values.MessageType);
        Append(values.AccountId);
        Append(values.Content);
        return _text.ToString();
    }

    private void Append(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append(',');
        }

        _text.Append(value);
    }
}
