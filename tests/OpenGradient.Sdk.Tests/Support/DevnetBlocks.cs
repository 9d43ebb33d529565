using System.Globalization;
using System.Text.Json;

namespace OpenGradient.Sdk.Tests;

/// <summary>Block arithmetic of the paging tests: the head, placing the next transaction on a chosen block, and the pages a scan should ask for.</summary>
internal static class DevnetBlocks
{
    public static async Task<ulong> HeadAsync()
    {
        JsonElement head = await Devnet.Node.RpcAsync("eth_blockNumber");
        return ulong.Parse(head.GetString().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>Mines empty blocks until the next block (the one the next transaction lands in) satisfies <paramref name="wanted"/>; returns its number.</summary>
    public static async Task<ulong> MineUntilNextBlockIsAsync(Func<ulong, bool> wanted)
    {
        ulong next = await HeadAsync() + 1;
        int skip = 0;
        while (!wanted(next + (ulong)skip))
        {
            skip++;
        }

        if (skip > 0)
        {
            await Devnet.Node.MineAsync(skip);
        }

        return next + (ulong)skip;
    }

    /// <summary>
    /// The ranges a paged scan of [<paramref name="from"/>, <paramref name="head"/>] asks for: <paramref name="pageBlocks"/>
    /// blocks each from <paramref name="from"/>, the last one ending at <paramref name="head"/>. Written apart from the
    /// SDK's reader, so a test compares the two.
    /// </summary>
    public static List<(ulong From, ulong To)> Pages(ulong from, ulong head, ulong pageBlocks)
    {
        var pages = new List<(ulong From, ulong To)>();
        for (ulong start = from; start <= head; start += pageBlocks)
        {
            pages.Add((start, Math.Min(start + pageBlocks - 1, head)));
        }

        return pages;
    }
}
