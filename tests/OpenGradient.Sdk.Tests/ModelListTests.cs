using System.Security.Cryptography;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Inference;
using OpenGradient.Models.Samples;

namespace OpenGradient.Sdk.Tests;

/// <summary>
/// <see cref="InferenceClient.ListModelsAsync"/> finds every registered model from the registry's events, shows its
/// current terms, and scans the chain in pages a range-limited node accepts.
/// </summary>
[TestFixture]
public sealed class ModelListTests
{
    private const ulong PageBlocks = 5;

    [Test]
    public async Task ListModels_AfterFeeUriUpdateAndDeactivation_ReturnsEveryModelOnceWithItsCurrentTermsInRegistrationOrder()
    {
        using InferenceClient owner = await Devnet.ConnectAsync(Devnet.Key(11));
        byte[] first = NewModelId();
        byte[] second = NewModelId();
        await owner.Registry.RegisterModelAsync(first, "http://127.0.0.1:9/first.onnx", Devnet.Opg, 6, 10);
        await owner.Registry.RegisterModelAsync(second, "http://127.0.0.1:9/second.onnx", 2 * Devnet.Opg, 4, 3);
        await owner.Registry.UpdateFeeAsync(first, 5 * Devnet.Opg);
        await owner.Registry.UpdateUriAsync(first, "http://127.0.0.1:9/first-v2.onnx");
        await owner.Registry.DeactivateAsync(second);

        IReadOnlyList<ModelInfo> models = await owner.ListModelsAsync();

        List<ModelId> ids = [.. models.Select(m => m.Id)];
        int firstAt = ids.IndexOf(ModelId.FromBytes(first));
        int secondAt = ids.IndexOf(ModelId.FromBytes(second));
        Assert.That(ids, Is.Unique);
        Assert.That(ids.Take(3), Is.EqualTo(SampleModels.All().Select(s => Devnet.Models[s.Name].Id)), "the fixture registers the samples first, in this order");
        Assert.That(firstAt, Is.GreaterThanOrEqualTo(3), "the first model is listed");
        Assert.That(secondAt, Is.GreaterThan(firstAt), "the second model is listed after the first");
        Assert.That(models[firstAt], Is.EqualTo(new ModelInfo(ModelId.FromBytes(first), Devnet.Key(11).Address, 5 * Devnet.Opg, true, 6, 10, "http://127.0.0.1:9/first-v2.onnx")));
        Assert.That(models[secondAt], Is.EqualTo(new ModelInfo(ModelId.FromBytes(second), Devnet.Key(11).Address, 2 * Devnet.Opg, false, 4, 3, "http://127.0.0.1:9/second.onnx")));
    }

    [Test]
    public async Task ListModels_RegistrationsOnPageEdgesOfARangeLimitedNode_FindsThemAllInRangesTheNodeAccepts()
    {
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient owner = await Devnet.ConnectAsync(Devnet.Key(12), configure: o =>
        {
            o.RpcUrl = proxy.Url;
            o.LogPageBlocks = PageBlocks;
        });
        ulong start = owner.Deployment.DeployBlock;
        byte[] onLastBlockOfAPage = NewModelId();
        byte[] onFirstBlockOfTheNext = NewModelId();
        byte[] pagesLater = NewModelId();

        // Page k covers blocks [start + k·P, start + k·P + P − 1]; automine puts each registration in its own block.
        ulong lastOfPage = await DevnetBlocks.MineUntilNextBlockIsAsync(b => (b - start) % PageBlocks == PageBlocks - 1);
        ulong firstBlock = (await owner.Registry.RegisterModelAsync(onLastBlockOfAPage, "http://127.0.0.1:9/a.onnx", Devnet.Opg, 6, 10)).BlockNumber;
        ulong secondBlock = (await owner.Registry.RegisterModelAsync(onFirstBlockOfTheNext, "http://127.0.0.1:9/b.onnx", Devnet.Opg, 6, 10)).BlockNumber;
        await Devnet.Node.MineAsync((int)(3 * PageBlocks) + 2);
        await owner.Registry.RegisterModelAsync(pagesLater, "http://127.0.0.1:9/c.onnx", Devnet.Opg, 6, 10);
        await Devnet.Node.MineAsync(2);
        ulong head = await DevnetBlocks.HeadAsync();
        Assert.That(firstBlock, Is.EqualTo(lastOfPage), "setup: the first registration is on the last block of a page");
        Assert.That((secondBlock - start) % PageBlocks, Is.Zero, "setup: the second registration is on the first block of the next page");
        proxy.ClearRanges();

        IReadOnlyList<ModelInfo> models = await owner.ListModelsAsync();

        List<ModelId> ids = [.. models.Select(m => m.Id)];
        List<int> positions = [.. new[] { onLastBlockOfAPage, onFirstBlockOfTheNext, pagesLater }.Select(id => ids.IndexOf(ModelId.FromBytes(id)))];
        Assert.That(ids, Is.Unique);
        Assert.That(positions, Has.None.EqualTo(-1), "every registration is found");
        Assert.That(positions, Is.Ordered.Ascending, "in registration order");

        IReadOnlyList<(ulong From, ulong To)> ranges = proxy.Ranges;
        Assert.That(ranges, Has.Count.EqualTo((int)((head - start) / PageBlocks) + 1), "one eth_getLogs per page from the deploy block to the head");
        Assert.That(ranges[0].From, Is.EqualTo(start));
        Assert.That(ranges[^1].To, Is.EqualTo(head));
        Assert.That(ranges.Select(r => r.To - r.From + 1), Has.All.LessThanOrEqualTo(PageBlocks));
        Assert.That(ranges.Zip(ranges.Skip(1)).Select(p => p.Second.From - p.First.To), Has.All.EqualTo(1UL), "pages are contiguous: no block skipped or read twice");
    }

    [Test]
    public async Task ListModels_PagesWiderThanTheNodesLimit_FailsWithTheNodesRefusal()
    {
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient client = await Devnet.ConnectAsync(null, configure: o =>
        {
            o.RpcUrl = proxy.Url;
            o.LogPageBlocks = PageBlocks + 1;
        });
        Assert.That(await DevnetBlocks.HeadAsync() - client.Deployment.DeployBlock, Is.GreaterThan(PageBlocks), "setup: the chain is longer than one page");

        var e = Assert.ThrowsAsync<JsonRpcException>(() => client.ListModelsAsync());

        Assert.That(e!.Message, Does.Contain(proxy.RefusalMessage));
    }

    [Test]
    public void Connect_LogPageBlocksZero_ThrowsArgumentExceptionNamingTheOption()
    {
        var e = Assert.ThrowsAsync<ArgumentException>(() => Devnet.ConnectAsync(null, configure: o => o.LogPageBlocks = 0));

        Assert.That(e!.Message, Does.Contain("InferenceClientOptions.LogPageBlocks must be at least 1"));
    }

    /// <summary>A fresh 32-byte model id: the registry accepts any non-zero bytes.</summary>
    private static byte[] NewModelId() => RandomNumberGenerator.GetBytes(32);
}
