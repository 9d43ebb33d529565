namespace OpenGradient.Cli.Common;

/// <summary>Keystore passwords: the OG_PASSWORD environment variable, else a hidden prompt on a terminal.</summary>
internal static class Passwords
{
    public const string EnvironmentVariable = "OG_PASSWORD";

    public static string Read(string prompt)
    {
        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (fromEnv is not null)
        {
            return fromEnv;
        }

        if (Console.IsInputRedirected)
        {
            throw new CliException($"No keystore password: set {EnvironmentVariable} (stdin is not a terminal, so og cannot prompt).");
        }

        Console.Error.Write(prompt + ": ");
        var text = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
