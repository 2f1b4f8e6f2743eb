"""Process containment: a warm fork-server (zygote) per slot, plus the kernel measures it uses.

Only the standard library is imported here: the zygote process imports these modules and must
stay lean (its memory is every Python job's baseline).
"""
