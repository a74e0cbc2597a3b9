"""Reports -> events: blocking, the linking rules, merging and fatality estimates."""
from warwire.link.cluster import LinkResult, link_reports
from warwire.link.merge import build_event, event_id
from warwire.link.rules import ArticleMeta, LinkEvidence, compatible, link_evidence, match_score, may_join

__all__ = ["ArticleMeta", "LinkEvidence", "LinkResult", "build_event", "compatible", "event_id", "link_evidence",
           "link_reports", "match_score", "may_join"]
