chunk = b'0' * (1 << 20)
with open('fill.bin', 'wb') as f:
    while True:
        f.write(chunk)
