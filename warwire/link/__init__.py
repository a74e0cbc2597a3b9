"""Reports -> events: blocking, matching, merging and fatality estimates."""
from warwire.link.cluster import LinkResult, link_reports
from warwire.link.merge import build_event, event_id
from warwire.link.rules import ArticleMeta, compatible, match_score

__all__ = ["ArticleMeta", "LinkResult", "build_event", "compatible", "event_id", "link_reports", "match_score"]
