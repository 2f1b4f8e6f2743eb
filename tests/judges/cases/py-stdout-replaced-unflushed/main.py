import io
import sys

a, b = map(int, input().split())
sys.__stdout__.write(f"{a + b}\n")
sys.stdout = io.StringIO()
