"""Benchmarks and the synthetic releases they run on."""
