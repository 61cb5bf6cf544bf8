fn main() {
    strategy_studio::run();
}
