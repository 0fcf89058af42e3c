import { Edit, SimpleForm } from "react-admin";
import { ProjectFields } from "./ProjectForm";

export const ProjectEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProjectFields />
    </SimpleForm>
  </Edit>
);
