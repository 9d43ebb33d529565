using System.Numerics;
using Microsoft.Extensions.Logging;
using OpenGradient.Contracts;
using OpenGradient.Ethereum;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Transactions;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;

namespace OpenGradient.Oracle.Transactions;

/// <summary>
/// The sender's line to the chain: signs attempts, broadcasts them and sorts the node's answer, finds and confirms
/// receipts (checking a receipt still stands after the confirmations), and explains reverts by the contract's error name.
/// </summary>
internal sealed class TxBroadcaster(
    JsonRpcClient rpc,
    NodeKey key,
    TransactionSenderOptions options,
    ChainOptions chain,
    OracleMetrics metrics,
    TimeProvider time,
    ILogger log)
{
    /// <summary>Waits for the confirmations, checks the receipt still stands, and builds the outcome; null if it was reorged away.</summary>
    public async Task<TxOutcome?> ConfirmAsync(TxIntent intent, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ulong needed = receipt.BlockNumber + (ulong)options.Confirmations - 1;
        while (await rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false) < needed)
        {
            await Task.Delay(options.ReceiptPollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        TransactionReceipt? settled = await rpc.GetTransactionReceiptAsync(receipt.TransactionHash, cancellationToken).ConfigureAwait(false);
        if (settled is null || !string.Equals(settled.BlockHash, receipt.BlockHash, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        metrics.GasUsedTotal.Inc(settled.GasUsed);
        metrics.GasSpentWeiTotal.Inc((double)(settled.EffectiveGasPrice * settled.GasUsed));
        if (settled.Succeeded)
        {
            return new TxOutcome(intent.Key, TxStatus.Succeeded, settled.TransactionHash, settled.BlockNumber, settled.GasUsed, settled.EffectiveGasPrice, null, "mined", Sent: true);
        }

        (string name, string detail) = await ExplainRevertAsync(intent, settled, cancellationToken).ConfigureAwait(false);
        return new TxOutcome(intent.Key, TxStatus.Reverted, settled.TransactionHash, settled.BlockNumber, settled.GasUsed, settled.EffectiveGasPrice, name, detail, Sent: true);
    }

    /// <summary>Replays a failed transaction as a call on the state before its block to learn the revert reason.</summary>
    private async Task<(string Name, string Detail)> ExplainRevertAsync(TxIntent intent, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await rpc.CallAsync(
                new CallRequest { From = key.Address, To = intent.To, Data = intent.Data, Value = intent.Value },
                receipt.BlockNumber > 0 ? receipt.BlockNumber - 1 : 0,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return ("Unknown", $"transaction {receipt.TransactionHash} reverted, but replaying it succeeded (it failed on state changed earlier in its block, or ran out of gas).");
        }
        catch (ContractRevertedException revert)
        {
            return (ErrorName(revert), revert.Message);
        }
    }

    /// <summary>The receipt of the newest attempt that has one, or null.</summary>
    public async Task<TransactionReceipt?> FindReceiptAsync(List<StoredAttempt> attempts, CancellationToken cancellationToken)
    {
        for (int i = attempts.Count - 1; i >= 0; i--)
        {
            TransactionReceipt? receipt = await rpc.GetTransactionReceiptAsync(attempts[i].TransactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }
        }

        return null;
    }

    /// <summary>Sends signed bytes and sorts the node's answer into what the sender does next.</summary>
    public async Task<BroadcastResult> BroadcastAsync(byte[] raw, CancellationToken cancellationToken)
    {
        try
        {
            await rpc.SendRawTransactionAsync(raw, cancellationToken).ConfigureAwait(false);
            return BroadcastResult.Accepted;
        }
        catch (TransactionAlreadyKnownException)
        {
            return BroadcastResult.Accepted;
        }
        catch (TransactionSubmissionUncertainException)
        {
            return BroadcastResult.Uncertain;
        }
        catch (RpcTransportException)
        {
            return BroadcastResult.Unreachable;
        }
        catch (NonceTooLowException)
        {
            return BroadcastResult.NonceTooLow;
        }
        catch (TransactionUnderpricedException)
        {
            return BroadcastResult.Underpriced;
        }
        catch (JsonRpcException e) when (e.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase) || e.RpcMessage.Contains("already imported", StringComparison.OrdinalIgnoreCase))
        {
            return BroadcastResult.Accepted;
        }
        catch (JsonRpcException e) when (e.RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase) || e.RpcMessage.Contains("nonce has already been used", StringComparison.OrdinalIgnoreCase))
        {
            return BroadcastResult.NonceTooLow;
        }
        catch (JsonRpcException e) when (e.RpcMessage.Contains("nonce too high", StringComparison.OrdinalIgnoreCase) || e.RpcMessage.Contains("can't be queued", StringComparison.OrdinalIgnoreCase))
        {
            return BroadcastResult.NonceGap;
        }
        catch (JsonRpcException e) when (e.RpcMessage.Contains("underpriced", StringComparison.OrdinalIgnoreCase) || e.RpcMessage.Contains("fee too low", StringComparison.OrdinalIgnoreCase))
        {
            return BroadcastResult.Underpriced;
        }
        catch (JsonRpcException e)
        {
            // The node's own words are the only clue to why (out of gas, insufficient funds, a revert under automine).
            TxLog.Refused(log, Hex.Encode(Keccak256.Hash(raw)), e.RpcMessage);
            return BroadcastResult.Rejected;
        }
    }

    /// <summary>Signs <paramref name="intent"/> as an EIP-1559 transaction with the given nonce, fees and gas limit.</summary>
    public StoredAttempt Sign(TxIntent intent, ulong nonce, Fees fees, ulong gasLimit)
    {
        var transaction = new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = chain.ChainId,
            Nonce = nonce,
            MaxFeePerGas = fees.MaxFeePerGas,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            GasLimit = gasLimit,
            To = intent.To,
            Value = intent.Value,
            Data = intent.Data,
        };
        SignedTransaction signed = transaction.Sign(key.Key);
        return new StoredAttempt(Hex.Encode(signed.GetHash()), nonce, fees, gasLimit, signed.Encode(), time.GetUtcNow());
    }

    /// <summary>The custom error's name (or the revert kind) for logs and outcomes.</summary>
    public static string ErrorName(ContractRevertedException revert)
    {
        ContractError? error = ContractErrors.Decode(revert.RevertData);
        if (error is not null)
        {
            return error.Name;
        }

        return revert.Revert.Kind switch
        {
            RevertKind.Empty => "Empty",
            RevertKind.Unknown => revert.ErrorSelector ?? "Unknown",
            _ => revert.Revert.Error?.Name ?? revert.Revert.Kind.ToString(),
        };
    }
}
