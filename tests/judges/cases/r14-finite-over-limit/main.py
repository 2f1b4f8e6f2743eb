import sys
sys.stdout.write('a' * (100 << 20))
