using Corridors.Server.Logging;

namespace Corridors.Server.Tests.Errors;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("Duisburg", "Duisburg")]
    [InlineData("Xi'an → Małaszewicze", "Xi'an → Małaszewicze")]
    [InlineData("evil\nINFO forged line", "evil\\nINFO forged line")]
    [InlineData("bell\a and escape \u001b[31m red", "bell\\u0007 and escape \\u001b[31m red")]
    [InlineData("tab\tcr\r", "tab\\tcr\\r")]
    [InlineData("C1 \u0085 DEL \u007f", "C1 \\u0085 DEL \\u007f")]
    [InlineData("bidi \u202eevil\u202c", "bidi \\u202eevil\\u202c")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("", "")]
    public void Escape_WritesControlCharactersAsEscapes(string text, string logged) =>
        Assert.Equal(logged, LogText.Escape(text));

    [Fact]
    public void Escape_CutsLongTextAndSaysHowMuchWasLeftOut()
    {
        string logged = LogText.Escape(new string('a', LogText.MaxCharacters + 50));

        Assert.Equal(new string('a', LogText.MaxCharacters) + "…(50 more characters)", logged);
    }
}
