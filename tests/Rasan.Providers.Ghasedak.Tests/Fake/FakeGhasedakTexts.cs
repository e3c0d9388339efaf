namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>The Persian texts the fake answers with.</summary>
internal static class FakeGhasedakTexts
{
    public const string Success = "با موفقیت انجام شد";
    public const string InvalidKey = "کلید وب سرویس نامعتبر است";
    public const string NoCredit = "اعتبار حساب کاربری کافی نیست";
    public const string EmptyMessage = "متن پیام نمی‌تواند خالی باشد";
    public const string NoReceptors = "گیرنده‌ای مشخص نشده است";
    public const string InvalidReceptor = "شماره گیرنده نامعتبر است";
    public const string InvalidLine = "شماره خط نامعتبر است";
    public const string InvalidDate = "تاریخ ارسال نامعتبر است";
    public const string TooManyItems = "تعداد پیام‌ها بیش از حد مجاز است";
    public const string NoIds = "شناسه‌ای ارسال نشده است";
    public const string TooManyIds = "حداکثر ۱۰۰ شناسه در هر درخواست مجاز است";
    public const string InvalidType = "نوع شناسه نامعتبر است";
    public const string MalformedBody = "بدنه درخواست نامعتبر است";

    public static string ForStatus(int code) => code switch
    {
        200 => Success,
        400 => "درخواست نامعتبر است",
        401 => InvalidKey,
        402 => NoCredit,
        403 => "دسترسی به این متد مجاز نیست",
        404 => "متد مورد نظر یافت نشد",
        405 => "نوع درخواست HTTP مجاز نیست",
        429 => "تعداد درخواست‌ها بیش از حد مجاز است",
        500 => "خطای داخلی سرور",
        502 or 503 => "سرویس موقتاً در دسترس نیست",
        _ => "خطای ناشناخته",
    };
}
