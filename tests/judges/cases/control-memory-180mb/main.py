b = b'\x01' * (180 << 20)
print(len(b))
