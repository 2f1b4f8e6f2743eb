import sys
sys.stdout.write('9' * 50_000_000)
