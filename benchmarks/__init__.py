"""Benchmarks that print osaid's speed and memory figures beside their targets."""
