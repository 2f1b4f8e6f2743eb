template <int A, int B, int C> struct F {
  static constexpr unsigned long long v = F<A - 1, B, C>::v + F<A, B - 1, C>::v + F<A, B, C - 1>::v;
};
template <int B, int C> struct F<0, B, C> { static constexpr unsigned long long v = 1; };
template <int A, int C> struct F<A, 0, C> { static constexpr unsigned long long v = 1; };
template <int A, int B> struct F<A, B, 0> { static constexpr unsigned long long v = 1; };
template <int C> struct F<0, 0, C> { static constexpr unsigned long long v = 1; };
template <int B> struct F<0, B, 0> { static constexpr unsigned long long v = 1; };
template <int A> struct F<A, 0, 0> { static constexpr unsigned long long v = 1; };
template <> struct F<0, 0, 0> { static constexpr unsigned long long v = 1; };
int main() { return (int)(F<290, 290, 290>::v & 1); }
