# Sourced by run.sh and instances.sh, with $root, $jar (empty when none was given) and $work set: builds the jar
# when none was given, and writes the repeated questions that both measure for questions.lua ($QUESTIONS, $script):
# the tuning set's first 136, FAQ-style, in turn (never the held-out sets).
if [[ -z $jar ]]; then
  (cd "$root" && ./mvnw -q package -Dmaven.test.skip=true)
  jar=$root/target/parley.jar
fi
cut -f2 "$root/src/test/resources/evaluation/tuning.tsv" | head -136 > "$work/faq.txt"
export QUESTIONS=$work/faq.txt
script=$root/src/test/benchmarks/questions.lua
