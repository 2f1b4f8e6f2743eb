import sys
inp, out, ans = (open(p, "rb").read() for p in sys.argv[1:4])
n = int(inp)
a, b = map(int, out.split())
sys.exit(0 if a + b == n and a > 0 and b > 0 else 1)
