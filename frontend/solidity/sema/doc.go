// Package sema is soll's Solidity frontend, part 2: semantic analysis on
// top of the parser's AST (package solidity). It resolves names and
// imports, linearizes inheritance (C3, as solc), gives every declaration
// and expression a type, evaluates rational constants, checks the program
// with solc's error codes and spans, and derives what solc derives from an
// analyzed program: ABI JSON, method identifiers and storage layout.
//
// Analyze is the entry point; the returned *Program answers the lookups an
// editor needs (DefinitionAt, TypeAt) and holds the per-contract
// artifacts (ABI, Hashes, StorageLayout).
//
// The analysis runs in solc's phases (CompilerStack::analyzeLegacy):
// declaration registration and imports, name and type resolution,
// declaration types, contract-level checks, the expression type checker,
// and the post-type checks. Like solc, a phase that reports an error stops
// the later phases that depend on it, so the first error is the one solc
// reports first. Diagnostics are returned in the order they were reported.
//
// The AST is read-only here: results live in side tables keyed by AST
// node pointers.
package sema
