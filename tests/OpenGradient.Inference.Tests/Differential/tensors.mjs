// Differential check of the C# tensor codec against viem's general ABI encoder/decoder.
// Input (argv[2]): JSON { cases: [ { tensors: [ {name, elementType, decimals, shape, values: ["dec"]} ], encoded: "0x.." } ] }
// Output (stdout): JSON [ { viemEncoded: "0x..", decodedFromCSharp: [ tensors as above ] } ]
import { readFileSync } from "node:fs";
import { encodeAbiParameters, decodeAbiParameters } from "viem";

const TensorArray = [{
  type: "tuple[]",
  components: [
    { name: "name", type: "string" },
    { name: "elementType", type: "uint8" },
    { name: "decimals", type: "uint8" },
    { name: "shape", type: "uint32[]" },
    { name: "values", type: "int256[]" },
  ],
}];

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = input.cases.map((c) => {
  const tensors = c.tensors.map((t) => ({
    name: t.name,
    elementType: t.elementType,
    decimals: t.decimals,
    shape: t.shape,
    values: t.values.map((v) => BigInt(v)),
  }));
  const viemEncoded = encodeAbiParameters(TensorArray, [tensors]);
  const [decoded] = decodeAbiParameters(TensorArray, c.encoded);
  return {
    viemEncoded,
    decodedFromCSharp: decoded.map((t) => ({
      name: t.name,
      elementType: Number(t.elementType),
      decimals: Number(t.decimals),
      shape: t.shape.map(Number),
      values: t.values.map((v) => v.toString()),
    })),
  };
});
process.stdout.write(JSON.stringify(results));
