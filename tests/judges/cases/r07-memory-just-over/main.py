b = b'\x01' * (320 << 20)
print(len(b))
