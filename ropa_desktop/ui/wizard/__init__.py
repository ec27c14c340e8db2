"""The template wizard: questions, cases, processors and a review, sharing one state."""
