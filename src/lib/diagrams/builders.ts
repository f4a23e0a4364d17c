import { formatScore } from '../format.ts';
import type { Action, Objective } from '../model.ts';
import type { Portal } from '../portal.ts';
import { keyResultKey } from '../score/engine.ts';
import { paths } from '../urls.ts';
import type { DiagramTree, TreeNode } from './tree.ts';

/** Status shown for an objective or key result: its grade band once the period has closed. */
function colourOf(portal: Portal, periodId: string, status: string, band: string | undefined) {
  return portal.scorecard.periods.get(periodId)?.phase === 'closed' && band ? band : status;
}

function keyResultNodes(portal: Portal, objective: Objective, actions: Action[]): TreeNode[] {
  return objective.keyResults.map((keyResult) => {
    const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, keyResult.id))!;
    const serving = actions.filter((action) => action.keyResults.includes(keyResult.id));
    return {
      key: `kr:${objective.id}#${keyResult.id}`,
      label: keyResult.title,
      kind: 'key-result',
      href: paths.keyResultPage(objective, keyResult.id),
      status: colourOf(portal, objective.period, result.status, result.band),
      detail: `score ${formatScore(result.score)}`,
      children: serving.map((action) => ({
        key: `action:${action.id}`,
        label: action.title,
        kind: 'action',
        href: paths.action(action),
        detail: action.status.replace('-', ' '),
        children: [],
      })),
    };
  });
}

function objectiveNode(portal: Portal, objective: Objective, children: TreeNode[]): TreeNode {
  const score = portal.scorecard.objectives.get(objective.id)!;
  const team = portal.teamById.get(objective.team)?.name ?? objective.team;
  const node: TreeNode = {
    key: `objective:${objective.id}`,
    label: `${team}: ${objective.title}`,
    kind: 'objective',
    href: paths.objective(objective),
    status: colourOf(portal, objective.period, score.status, score.band),
    detail: `score ${formatScore(score.score)}`,
    children,
  };
  return node;
}

/**
 * Builds a period's strategy map: its top objectives, the objectives aligned to them, their key
 * results and the actions that serve those, grouped by theme (or by team area without one).
 */
export function strategyMap(portal: Portal, periodId: string): DiagramTree {
  const objectives = portal.objectivesByPeriod.get(periodId) ?? [];
  const inPeriod = new Set(objectives.map((objective) => objective.id));
  const build = (objective: Objective): TreeNode => {
    const children = (portal.childObjectives.get(objective.id) ?? []).filter((child) =>
      inPeriod.has(child.id),
    );
    const actions = portal.actionsByObjective.get(objective.id) ?? [];
    return objectiveNode(portal, objective, [
      ...children.map(build),
      ...keyResultNodes(portal, objective, actions),
    ]);
  };
  const roots = objectives.filter(
    (objective) => !objective.parent || !inPeriod.has(objective.parent),
  );
  return {
    roots: roots.map((objective) => ({
      node: build(objective),
      group: objective.theme ?? portal.teamById.get(objective.team)?.area ?? 'Other',
    })),
  };
}

/** Builds an objective's alignment neighbourhood: its chain of parents, its children and key results. */
export function alignmentMap(portal: Portal, objectiveId: string): DiagramTree {
  const objective = portal.objectiveById.get(objectiveId)!;
  const children = (portal.childObjectives.get(objective.id) ?? []).map((child) =>
    objectiveNode(portal, child, []),
  );
  const actions = portal.actionsByObjective.get(objective.id) ?? [];
  let node = objectiveNode(portal, objective, [
    ...children,
    ...keyResultNodes(portal, objective, actions),
  ]);

  const seen = new Set([objective.id]);
  let parentId = objective.parent;
  while (parentId && !seen.has(parentId)) {
    const parent = portal.objectiveById.get(parentId);
    if (!parent) break;
    seen.add(parentId);
    node = objectiveNode(portal, parent, [node]);
    parentId = parent.parent;
  }
  return { roots: [{ node }] };
}

/** Builds the organisation map: the team tree, each team with its score for the period. */
export function organisationMap(portal: Portal, periodId: string): DiagramTree {
  const period = portal.scorecard.periods.get(periodId);
  const build = (teamId: string): TreeNode => {
    const team = portal.teamById.get(teamId)!;
    const score = period?.teams.get(teamId);
    const node: TreeNode = {
      key: `team:${teamId}`,
      label: `${team.name} · ${formatScore(score?.score)}`,
      kind: 'team',
      href: paths.team(teamId),
      detail: score ? `score ${formatScore(score.score)}` : 'no objectives',
      children: (portal.childTeams.get(teamId) ?? []).map((child) => build(child.id)),
    };
    if (score?.band) node.status = score.band;
    return node;
  };
  const roots = portal.model.teams.filter(
    (team) => !team.parent || !portal.teamById.has(team.parent),
  );
  return { roots: roots.map((team) => ({ node: build(team.id) })) };
}
