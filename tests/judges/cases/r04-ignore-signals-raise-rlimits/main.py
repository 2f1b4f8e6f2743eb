import resource
import signal

for s in signal.valid_signals():
    try:
        signal.signal(s, signal.SIG_IGN)
    except (OSError, ValueError, RuntimeError):
        pass
for name in dir(resource):
    if name.startswith("RLIMIT_"):
        r = getattr(resource, name)
        try:
            soft, hard = resource.getrlimit(r)
            resource.setrlimit(r, (hard, hard))
        except (OSError, ValueError):
            pass
while True:
    pass
