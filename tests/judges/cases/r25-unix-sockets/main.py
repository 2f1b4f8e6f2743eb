import socket

found = False
with open('/proc/net/unix') as f:
    next(f)
    for line in f:
        parts = line.split()
        if len(parts) < 8:
            continue
        path = parts[7]
        addr = '\0' + path[1:] if path.startswith('@') else path
        for typ in (socket.SOCK_STREAM, socket.SOCK_SEQPACKET):
            s = socket.socket(socket.AF_UNIX, typ)
            s.settimeout(0.3)
            try:
                s.connect(addr)
                found = True
            except OSError:
                pass
            s.close()
print('connected' if found else 'nothing')
