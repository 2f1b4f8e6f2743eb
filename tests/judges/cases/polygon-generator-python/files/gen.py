import sys
n, c = int(sys.argv[1]), sys.argv[2]
print(''.join(chr(97 + i % 26) for i in range(n)) + c)
