"""Skills: the taxonomy (canonical ids, aliases, links) and finding skills in text."""

from desk.skills.matcher import SkillMatcher, find_skills
from desk.skills.taxonomy import Skill, Taxonomy, load_taxonomy

__all__ = ["Skill", "SkillMatcher", "Taxonomy", "find_skills", "load_taxonomy"]
