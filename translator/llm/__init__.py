"""Optional LLM rewriting (OpenAI API or any OpenAI-compatible server), always under the fact guard.

Nothing here is imported on the rules path: `openai` is imported inside the functions that send.
"""
