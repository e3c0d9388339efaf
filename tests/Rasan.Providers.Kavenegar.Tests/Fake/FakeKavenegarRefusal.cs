namespace Rasan.Providers.Kavenegar.Tests.Fake;

/// <summary>Thrown inside the fake to answer a <c>return.status</c> error (as HTTP status too), storing nothing.</summary>
internal sealed class FakeKavenegarRefusal : Exception
{
    public FakeKavenegarRefusal()
    {
    }

    public FakeKavenegarRefusal(string message)
        : base(message)
    {
    }

    public FakeKavenegarRefusal(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FakeKavenegarRefusal(int status)
        : base(FakeKavenegarTexts.Return(status)) => Status = status;

    public int Status { get; } = 400;
}
