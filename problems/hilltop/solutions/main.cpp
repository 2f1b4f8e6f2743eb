#include <cstdio>
#include <map>

static int n;
static std::map<int, long long> known;

static long long height(int i) {
    if (i < 1 || i > n) return 0;
    auto it = known.find(i);
    if (it != known.end()) return it->second;
    printf("? %d\n", i);
    fflush(stdout);
    long long h = 0;
    if (scanf("%lld", &h) != 1) return 0;
    return known[i] = h;
}

int main() {
    if (scanf("%d", &n) != 1) return 0;
    int lo = 1, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (height(mid) < height(mid + 1)) lo = mid + 1;
        else hi = mid;
    }
    printf("! %d\n", lo);
    fflush(stdout);
}
