using OpenGradient.Oracle.Ops;

return await OracleHost.RunAsync(args).ConfigureAwait(false);
