using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>Random RLP item trees that hit every header form (single byte, short and long strings and lists).</summary>
internal static class RandomRlp
{
    public static RlpItem Item(Random random, int depth)
    {
        if (depth < 4 && random.Next(3) == 0)
        {
            int count = random.Next(0, depth == 0 ? 12 : 5);
            var children = new RlpItem[count];
            for (int i = 0; i < count; i++)
            {
                children[i] = Item(random, depth + 1);
            }

            return RlpItem.List(children);
        }

        int length = random.Next(6) switch
        {
            0 => 0,
            1 => 1,
            2 => random.Next(2, 56),
            3 => random.Next(54, 58),
            4 => random.Next(56, 300),
            _ => random.Next(250, 70_000 / (depth + 1) / (random.Next(20) == 0 ? 1 : 20)),
        };
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        if (length == 1 && random.Next(2) == 0)
        {
            bytes[0] &= 0x7F;
        }

        return RlpItem.FromBytes(bytes);
    }
}
