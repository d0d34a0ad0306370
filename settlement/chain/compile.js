#!/usr/bin/env node
// Compiles settlement/contracts/*.sol with solc-js (standard JSON, every setting fixed) into
// settlement/src/main/resources/contracts/<Contract>.json: ABI, creation and runtime bytecode.
//
//   node compile.js           writes the artifacts (commit them with the .sol change)
//   node compile.js --check   fails if the committed artifacts differ from a fresh compile
//                             (the Maven build runs this)
//
// The same sources, compiler and settings give the same bytes: sources are read with LF line
// endings under fixed names, and the output is written with sorted contract names and a fixed
// JSON layout.
"use strict";

const fs = require("fs");
const path = require("path");
const solc = require("solc");

const MODULE_DIR = path.resolve(__dirname, "..");
const SOURCE_DIR = path.join(MODULE_DIR, "contracts");
const OUT_DIR = path.join(MODULE_DIR, "src", "main", "resources", "contracts");

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  // cancun: PUSH0 and MCOPY but nothing newer, so the bytecode runs on current permissioned
  // chains (Besu, Quorum) as well as on Hardhat
  evmVersion: "cancun",
  metadata: { bytecodeHash: "ipfs" },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
};

function lf(text) {
  return text.replace(/\r\n/g, "\n");
}

function compile() {
  const sources = {};
  for (const file of fs.readdirSync(SOURCE_DIR).filter((f) => f.endsWith(".sol")).sort()) {
    sources[`contracts/${file}`] = { content: lf(fs.readFileSync(path.join(SOURCE_DIR, file), "utf8")) };
  }
  const input = { language: "Solidity", sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => importFile(p) }));
  const problems = output.errors || [];
  for (const p of problems) {
    console.error(p.formattedMessage || p.message);
  }
  if (problems.some((p) => p.severity === "error")) {
    process.exit(1);
  }
  const artifacts = new Map();
  for (const sourceName of Object.keys(output.contracts).sort()) {
    for (const [contractName, c] of Object.entries(output.contracts[sourceName]).sort()) {
      if (!c.evm.bytecode.object) {
        continue; // abstract contracts and interfaces
      }
      const artifact = {
        contractName,
        sourceName,
        compiler: { version: solc.version(), settings: { ...SETTINGS, outputSelection: undefined } },
        abi: c.abi,
        bytecode: "0x" + c.evm.bytecode.object,
        deployedBytecode: "0x" + c.evm.deployedBytecode.object,
      };
      artifacts.set(`${contractName}.json`, JSON.stringify(artifact, null, 2) + "\n");
    }
  }
  return artifacts;
}

function importFile(p) {
  const file = path.join(MODULE_DIR, p);
  return fs.existsSync(file) ? { contents: lf(fs.readFileSync(file, "utf8")) } : { error: `not found: ${p}` };
}

function committed() {
  const files = new Map();
  if (fs.existsSync(OUT_DIR)) {
    for (const f of fs.readdirSync(OUT_DIR).filter((f) => f.endsWith(".json")).sort()) {
      files.set(f, lf(fs.readFileSync(path.join(OUT_DIR, f), "utf8")));
    }
  }
  return files;
}

const fresh = compile();
if (process.argv.includes("--check")) {
  const old = committed();
  const stale = [...new Set([...fresh.keys(), ...old.keys()])].filter((f) => fresh.get(f) !== old.get(f));
  if (stale.length > 0) {
    console.error(`Contract artifacts out of date in ${path.relative(process.cwd(), OUT_DIR)}: ${stale.join(", ")}`);
    console.error("The .sol sources changed without a recompile: run `npm run compile` in settlement/chain and commit the result.");
    process.exit(1);
  }
  console.log(`Contract artifacts match a fresh compile (solc ${solc.version()}): ${[...fresh.keys()].join(", ")}`);
} else {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of committed().keys()) {
    if (!fresh.has(f)) {
      fs.unlinkSync(path.join(OUT_DIR, f));
    }
  }
  for (const [f, text] of fresh) {
    fs.writeFileSync(path.join(OUT_DIR, f), text);
  }
  console.log(`Wrote ${[...fresh.keys()].join(", ")} to ${path.relative(process.cwd(), OUT_DIR)}`);
}
