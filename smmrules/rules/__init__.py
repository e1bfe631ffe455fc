"""Rules: data files that judge goals and documents, and the code that loads and runs them.

fields       what each scope (goal, task, header, line, suppression, syntax) exposes to rules: its
             fields and their values, its spans and its message placeholders
measures     what a goal implies (months to its deadline, target level, monthly growth)
functions    the functions a condition may call
conditions   the condition language: parse, type-check against a scope's fields, compile
rulefile     rule files: load, validate, cache
engine       the RuleSet: rules in effect, evaluated over (scope, entity) pairs; check_goal, suggest_tasks
doccheck     a document walked into the entities of each scope
catalogue    the task catalogue;  aliases: the built-in table of renamed codes
findings     the Finding;  explain: a rule's explanation and docs page;  plugins: installed plugins
"""
