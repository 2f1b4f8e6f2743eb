import sys

line = b"1234567890" * 100 + b"\n"
while True:
    sys.stdout.buffer.write(line)
