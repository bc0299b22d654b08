"""The one exception type the CLI turns into a clear message and a non-zero exit."""

from __future__ import annotations


class BuildError(Exception):
    """Bad input or a failed stage: every problem found, each naming its file and field or line."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))

    def __reduce__(self) -> tuple:
        # Raised in a worker process, it arrives in the main one with its problems intact.
        return (BuildError, (self.problems,))
