"""The bundled sample stories read cleanly: each a wire story under a header line."""
from .helpers import read


def test_sample_folder_reads_every_story(sample_dir):
    arts, rejected = read(sample_dir)
    stories = sorted(sample_dir.glob("*.txt"))
    assert rejected == []
    assert len(arts) == len(stories) > 0
    assert all(a.published and a.outlet and a.dateline for a in arts)
