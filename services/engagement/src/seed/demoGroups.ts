import { normalizePersian } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { MeetingOfficial } from "../entities/MeetingOfficial";
import { Project, ProjectPartner, ProjectStatus, ProjectUpdate } from "../entities/Project";
import { WorkingGroup, WorkingGroupMember, WorkingGroupMemberKind } from "../entities/WorkingGroup";
import { GoverningBody } from "../entities/GoverningBody";
import { areaOf, governorateOf, managerOf, ngoOf } from "./demoIds";
import { socialHarmId } from "./socialHarms";
import { GroupSeed } from "./demoGroupsData";
import { REPRESENTATIVES, at, day } from "./demoShared";

/** A working group with members, held sessions (with NGO members present, agenda and a resolution) and projects. */
export async function loadGroup(em: EntityManager, seed: GroupSeed): Promise<number> {
  const chair = managerOf(seed.provinceId);
  const bodyKey = { provinceId: seed.provinceId, nameNormalized: normalizePersian(seed.parentBody) };
  const body =
    (await em.findOneBy(GoverningBody, bodyKey)) ??
    (await em.save(em.create(GoverningBody, { ...bodyKey, name: seed.parentBody, countyId: null, description: null })));
  const group = await em.save(
    em.create(WorkingGroup, {
      name: seed.name,
      nameNormalized: normalizePersian(seed.name),
      dimension: seed.dimension,
      parentBody: seed.parentBody,
      bodyId: body.id,
      parentNgoHouseId: seed.parentNgoHouseId,
      provinceId: seed.provinceId,
      countyId: null,
      chairManagerId: chair,
      chairAgencyId: governorateOf(seed.provinceId),
      description: seed.parentNgoHouseId
        ? "کارگروه تخصصی خانه سمن‌ها با حضور سمن‌های همسو و دستگاه‌های مرتبط"
        : "کمیته تخصصی دبیرخانه با حضور سمن‌های فعال در این زمینه و دستگاه‌های اجرایی مرتبط؛ تعریف پروژه به عنوان اقدام عملیاتی در مناطق حاشیه‌نشین",
      establishedOn: day(seed.establishedOn),
      dissolvedOn: null,
    }),
  );
  await em.insert(WorkingGroupMember, [
    ...seed.agencies.map(([agencyId, joined]) => ({
      workingGroupId: group.id,
      kind: WorkingGroupMemberKind.AGENCY,
      agencyId,
      ngoId: null,
      role: "عضو",
      joinedOn: day(joined),
      leftOn: null,
    })),
    ...seed.ngos.map(([nationalId, joined, left], i) => ({
      workingGroupId: group.id,
      kind: WorkingGroupMemberKind.NGO,
      agencyId: null,
      ngoId: ngoOf(nationalId),
      role: i === 0 ? "دبیر کارگروه" : "عضو",
      joinedOn: day(joined),
      leftOn: left ? day(left) : null,
    })),
  ]);
  for (const [i, session] of seed.sessions.entries()) {
    const heldAt = at(session);
    const sessionDay = day(session);
    const title = `جلسه ${(i + 1).toLocaleString("fa-IR")} ${seed.name}`;
    const meeting = await em.save(
      em.create(Meeting, {
        title,
        titleNormalized: normalizePersian(title),
        kind: MeetingKind.WORKING_GROUP_SESSION,
        provinceId: seed.provinceId,
        countyId: null,
        chairId: chair,
        organisingAgencyId: governorateOf(seed.provinceId),
        venue: seed.parentNgoHouseId ? "سالن جلسات خانه تشکل‌ها" : "سالن جلسات استانداری",
        venueNgoHouseId: seed.parentNgoHouseId,
        workingGroupId: group.id,
        scheduledAt: heldAt,
        heldAt,
        status: MeetingStatus.HELD,
        cancellationReason: null,
        minutes: "گزارش پیشرفت پروژه‌ها ارائه و اقدامات بعدی تعیین شد.",
      }),
    );
    const present = seed.ngos
      .filter(([, joined, left]) => day(joined) <= sessionDay && (!left || day(left) >= sessionDay))
      .map(([id]) => ngoOf(id));
    if (present.length)
      await em.insert(
        MeetingAttendance,
        present.map((ngoId, j) => ({
          meetingId: meeting.id,
          ngoId,
          representativeName: REPRESENTATIVES[(i + j) % REPRESENTATIVES.length],
        })),
      );
    await em.insert(MeetingOfficial, {
      meetingId: meeting.id,
      managerId: chair,
      agencyId: governorateOf(seed.provinceId),
      role: "رئیس کارگروه",
    });
    await em.insert(AgendaItem, {
      meetingId: meeting.id,
      position: 1,
      topic: `پیشرفت پروژه‌های ${seed.name}`,
      topicNormalized: normalizePersian(`پیشرفت پروژه‌های ${seed.name}`),
      socialHarmId: socialHarmId(seed.sessionHarm),
      demandId: null,
      notes: null,
    });
  }
  for (const project of seed.projects) {
    const saved = await em.save(
      em.create(Project, {
        title: project.title,
        titleNormalized: normalizePersian(project.title),
        description: project.description,
        workingGroupId: group.id,
        areaId: areaOf(project.countyId, project.area),
        provinceId: seed.provinceId,
        countyId: project.countyId,
        responsibleAgencyId: project.agency,
        startOn: project.startOn ? day(project.startOn) : null,
        plannedEndOn: day(project.plannedEndOn),
        closedOn: null,
        status: ProjectStatus.PLANNED,
      }),
    );
    await em.insert(
      ProjectPartner,
      project.partners.map((id) => ({ projectId: saved.id, ngoId: ngoOf(id) })),
    );
    let status = ProjectStatus.PLANNED;
    for (const [reported, note, to] of project.updates) {
      await em.insert(ProjectUpdate, {
        projectId: saved.id,
        reportedOn: day(reported),
        note,
        statusBefore: to ? status : null,
        statusAfter: to ?? null,
        recordedBy: "demo",
      });
      if (to) status = to;
      if (to === ProjectStatus.FINISHED || to === ProjectStatus.ABANDONED) saved.closedOn = day(reported);
    }
    saved.status = status;
    await em.save(saved);
  }
  return seed.sessions.length;
}
